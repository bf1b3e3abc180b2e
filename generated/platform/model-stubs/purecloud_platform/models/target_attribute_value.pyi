from .target import TargetAttributeValue as TargetAttributeValue
