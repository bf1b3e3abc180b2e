from .test import TestTopicPhrasePhrase as TestTopicPhrasePhrase
