import { createMachaClient } from '@macha/api-client';

const macha = createMachaClient({
  apiKey: process.env.MACHA_API_KEY,
});

const conversation = await macha.conversations.retrieve('conv_6a392325b438d825ccaf0dc1', {
  include_trigger_payload: true,
});
for (const message of conversation.data.messages) {
  console.log(message.role, message.content);
}
// The raw webhook payload: it can hold personal data.
console.log(conversation.data.trigger_payload);
