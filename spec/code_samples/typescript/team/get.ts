import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

// Every member at once: the team list is not paginated.
const team = await macha.team.list();
const admins = team.data.filter((member) => member.role !== 'member');
console.log(admins.map((member) => member.email));
