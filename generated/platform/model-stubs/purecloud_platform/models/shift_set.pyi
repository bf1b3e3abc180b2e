from .shift import ShiftSet as ShiftSet
