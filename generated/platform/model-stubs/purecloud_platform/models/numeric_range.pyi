from .numeric import NumericRange as NumericRange
