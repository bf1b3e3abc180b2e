from .feature import FeatureSupport as FeatureSupport
