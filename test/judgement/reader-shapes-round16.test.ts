/**
 * Round 16 of the chat reader's shapes, on sentences written for it (none from a blind set): blockers
 * told as work piled on a review, the one thing left in the way, nothing heard back, two answers and no
 * way to tell, a search that returns nothing since a bump, no testing happening, a spend that needs
 * someone's ok, a name's "'s stuck", a thing that can't join; and ordinary lines in other words.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader shapes, round 16: in the way', () => {
  it.each([
    "nobody's reviewed the refunds PR in 5 days and I've got two branches stacked on it, anyone? 🙏",
    'could whoever runs the S3 policies give the exporter role read on the archive bucket? AccessDenied every time and it is the only thing between me and a green pipeline',
    'Tomasz needs the tariff table from the energy supplier before he can finish the pricing rules, and three emails in he has had nothing back.',
    "Sales wants the day ticket at £12 with a free coffee, the finance sheet says £14 without. I've built neither because I don't know which one is real.",
    'menu search returns literally nothing since the index got bumped to v9. the filter is kinda dead without it lol',
    'both test tills died in the firmware update and the new ones ship next week. So, er, not a lot of till testing happening over here.',
    'We went through the 5k texts on the SMS free plan on the 3rd and reminders just stopped going out. The next tier is $40/month and needs an ok from whoever holds the card',
    "Priya's stuck on the refunds export: the bank's sandbox only answers v2 and their docs are for v1. She has asked them twice.",
    'the tills rebooted overnight and the payment terminals can\'t join till someone sends us the new pairing keys',
  ])('%s', (text) => {
    expect(readChat(text).reading).not.toBe('none');
  });
});

describe('reader shapes, round 16: ordinary', () => {
  it.each([
    'stuck at the airport till 4, I will review PRs from my phone',
    'Planting on the east field is on hold for rain — the farm, not us. The planner moved the jobs fine.',
    'blocked out the week of the 3rd for the conference, ping Lena for reviews',
    'the staff lift is down for its scheduled service, so leave it out of the photos',
    'checkout errors are down 30% since the retry change 🎉',
    "The Safari logout bug can't be reproduced anymore since Apple's patch; closing the ticket.",
    'Black Friday dress rehearsal held: 8k people in the queue and nobody got a 500.',
    'Load test went fine. The cache hits its limit around 9k, well above last year\'s peak.',
    'Could someone glance at my icon tweaks this week? Zero rush.',
    'the demo kiosk is closed for repairs all week, but the simulator covers everything I need',
    "Buses can't leave the depot before 5am (noise rules), so the planner refuses earlier slots. Intended.",
    "printer 2 on the ground floor is dead, facilities are on it, doesn't touch any of our tickets",
    'sorry, can\'t join standup today, dentist',
  ])('%s', (text) => {
    expect(readChat(text).reading).toBe('none');
  });
});
