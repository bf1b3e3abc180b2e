from .bot import BotFlowSession as BotFlowSession
