from .feature import FeatureState as FeatureState
