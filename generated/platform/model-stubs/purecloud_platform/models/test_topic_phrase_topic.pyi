from .test import TestTopicPhraseTopic as TestTopicPhraseTopic
