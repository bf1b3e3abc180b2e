from .item import ItemValidationLimits as ItemValidationLimits
