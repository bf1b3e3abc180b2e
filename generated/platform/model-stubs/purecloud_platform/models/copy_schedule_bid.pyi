from .copy import CopyScheduleBid as CopyScheduleBid
