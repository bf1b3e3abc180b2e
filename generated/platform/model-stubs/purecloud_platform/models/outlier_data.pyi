from .outlier import OutlierData as OutlierData
