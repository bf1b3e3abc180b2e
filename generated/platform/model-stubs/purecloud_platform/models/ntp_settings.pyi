from .ntp import NTPSettings as NTPSettings
