from .test import TestTopicPhraseJobs as TestTopicPhraseJobs
