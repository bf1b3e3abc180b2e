from .outlier import OutlierResultTemplate as OutlierResultTemplate
