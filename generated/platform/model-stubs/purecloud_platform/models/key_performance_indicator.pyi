from .key import KeyPerformanceIndicator as KeyPerformanceIndicator
