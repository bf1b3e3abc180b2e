from .outlier import OutlierInfo as OutlierInfo
