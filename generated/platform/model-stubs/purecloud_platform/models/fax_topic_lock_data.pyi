from .fax import FaxTopicLockData as FaxTopicLockData
