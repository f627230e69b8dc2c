import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

const chatbot = await macha.chatbots.retrieve('chatbot_64f1c0ef2ec711ef6dc1dcb0');
if (!chatbot.data.is_active) {
  console.warn(`${chatbot.data.name} is paused (is its agent active?)`);
}
