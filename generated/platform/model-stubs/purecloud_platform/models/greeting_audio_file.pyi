from .greeting import GreetingAudioFile as GreetingAudioFile
