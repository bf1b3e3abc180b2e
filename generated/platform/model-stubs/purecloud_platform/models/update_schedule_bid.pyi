from .update import UpdateScheduleBid as UpdateScheduleBid
