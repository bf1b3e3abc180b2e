from .apple import AppleIMessageApp as AppleIMessageApp
