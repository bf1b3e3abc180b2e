from .send import SendMessageBody as SendMessageBody
