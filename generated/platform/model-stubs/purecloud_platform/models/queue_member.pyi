from .queue import QueueMember as QueueMember
