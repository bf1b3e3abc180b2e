from .message import MessageFooter as MessageFooter
