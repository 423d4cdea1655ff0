/**
 * ink's <Text>, with every string drawn through it made terminal-safe (collaboration-server/terminal-text.ts).
 * Components import Text from here, never from ink (the lint says so), so no renderer can forget: ink
 * itself drops CSI sequences but passes OSC 0 (window title), OSC 52 (clipboard), BEL, `\r` and bidi controls.
 */
import { Children, cloneElement, Fragment, isValidElement, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { Text as InkText } from 'ink';
import { terminalSafe } from '../../../collaboration-server/terminal-text.js';

function safeChildren(children: ReactNode): ReactNode {
  return Children.map(children, (child) => {
    if (typeof child === 'string') return terminalSafe(child);
    // a fragment's strings are the Text's own; any other element draws its own Text
    if (isValidElement<{ children?: ReactNode }>(child) && child.type === Fragment) return cloneElement(child as ReactElement<{ children?: ReactNode }>, {}, safeChildren(child.props.children));
    return child;
  });
}

export function Text({ children, ...props }: ComponentProps<typeof InkText>) {
  return <InkText {...props}>{safeChildren(children)}</InkText>;
}
