from .command import CommandStatus as CommandStatus
