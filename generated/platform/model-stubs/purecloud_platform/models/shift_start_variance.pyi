from .shift import ShiftStartVariance as ShiftStartVariance
