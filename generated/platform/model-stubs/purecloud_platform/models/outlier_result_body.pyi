from .outlier import OutlierResultBody as OutlierResultBody
