from .fax import FaxTopicFaxDataV2 as FaxTopicFaxDataV2
