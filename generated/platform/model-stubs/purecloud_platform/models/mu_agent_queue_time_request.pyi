from .mu import MuAgentQueueTimeRequest as MuAgentQueueTimeRequest
