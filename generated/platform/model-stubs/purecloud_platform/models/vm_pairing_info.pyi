from .vm import VmPairingInfo as VmPairingInfo
