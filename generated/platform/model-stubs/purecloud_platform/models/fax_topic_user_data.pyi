from .fax import FaxTopicUserData as FaxTopicUserData
