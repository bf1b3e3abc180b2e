from .dialogflow import DialogflowIntent as DialogflowIntent
