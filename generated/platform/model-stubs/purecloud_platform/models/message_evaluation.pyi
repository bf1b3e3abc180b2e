from .message import MessageEvaluation as MessageEvaluation
