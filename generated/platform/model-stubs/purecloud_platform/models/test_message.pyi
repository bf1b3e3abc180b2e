from .test import TestMessage as TestMessage
