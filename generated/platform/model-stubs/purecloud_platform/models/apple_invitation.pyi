from .apple import AppleInvitation as AppleInvitation
