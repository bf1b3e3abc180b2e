from .masking import MaskingRuleListing as MaskingRuleListing
