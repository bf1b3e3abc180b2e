from .test import TestTopicPhraseJob as TestTopicPhraseJob
