from .mute import MuteSnoozeFields as MuteSnoozeFields
