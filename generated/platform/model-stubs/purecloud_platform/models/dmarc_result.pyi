from .dmarc import DmarcResult as DmarcResult
