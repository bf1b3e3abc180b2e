from .outbound import OutboundOnlySetting as OutboundOnlySetting
