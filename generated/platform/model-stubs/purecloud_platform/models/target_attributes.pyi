from .target import TargetAttributes as TargetAttributes
