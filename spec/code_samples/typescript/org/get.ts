import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

const org = await macha.organization.retrieve();
const { credits, limits, trial } = org.data;
if (credits.remaining < 100) console.warn('Fewer than 100 credits left');
console.log(`plan ${org.data.plan}, agent limit ${limits.agents ?? 'none'}`);
if (trial && Date.parse(trial.end_date) - Date.now() < 7 * 86_400_000) {
  console.warn('The trial ends within 7 days');
}
