from .coaching import CoachingSlot as CoachingSlot
