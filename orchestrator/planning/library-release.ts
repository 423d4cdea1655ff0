/** A library released to a registry: built by its engineers and published by a pipeline. */
const LIBRARY = /\b(?:sdk|sdks|library|libraries|package|packages|client\s+library|gem|crate|plugin|module)\b/i;
const REGISTRY = /\b(?:npm|pypi|maven|rubygems|crates\.io|nuget|packagist|cocoapods|open[- ]source|registry|public\s+repo)\b/i;
const RELEASES = new Set(['publish', 'release', 'ship', 'distribute', 'open-source', 'open source', 'build', 'create']);

/** Whether the objective releases a library to a registry ("Publish our SDK to npm"). */
export const releasesLibrary = (verb: string | null, text: string): boolean => verb !== null && RELEASES.has(verb) && LIBRARY.test(text) && REGISTRY.test(text);
