from .phones import PhonesReboot as PhonesReboot
