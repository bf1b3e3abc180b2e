from .bid import BidGroupScheduleSet as BidGroupScheduleSet
