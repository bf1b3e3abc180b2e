from .atzm import AtzmTimeSlot as AtzmTimeSlot
