from .message import MessageMedia as MessageMedia
