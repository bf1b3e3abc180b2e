from .inbound import InboundOnlySetting as InboundOnlySetting
