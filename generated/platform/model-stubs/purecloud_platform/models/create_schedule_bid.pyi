from .create import CreateScheduleBid as CreateScheduleBid
