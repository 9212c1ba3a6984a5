package org.metrohub.portal.media;

import java.util.List;
import java.util.Map;
import org.metrohub.media.node.LocalMediaNode;
import org.metrohub.media.node.NodeSettings;
import org.metrohub.media.sfu.SfuSettings;
import org.metrohub.media.transport.ice.IceSettings;
import org.metrohub.portal.events.InstanceIdentity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** The in-process media node (the embedded default) and the route of its signalling WebSocket. */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    @Bean(destroyMethod = "close")
    LocalMediaNode mediaNode(MediaProperties properties, InstanceIdentity instance) {
        List<IceSettings.AddressMapping> mappings = properties.advertisedAddresses().entrySet().stream()
                .map(e -> new IceSettings.AddressMapping(e.getKey(), e.getValue()))
                .toList();
        IceSettings ice = IceSettings.defaults()
                .withUdpPort(properties.udpPort())
                .withTcpPort(properties.tcpPort() < 0 ? IceSettings.TCP_EPHEMERAL : properties.tcpPort())
                .withBindAddresses(properties.bindAddresses())
                .withAdvertisedAddresses(mappings);
        SfuSettings sfu = new SfuSettings(properties.keyframeInterval(), properties.senderBitrate(),
                SfuSettings.defaults().feedbackInterval(), properties.maxParticipants(), properties.lastN());
        return new LocalMediaNode(new NodeSettings(instance.id(), ice, sfu));
    }

    @Bean
    HandlerMapping signallingRoute(SignallingHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of(SignallingHandler.PATH_PATTERN, handler), -1);
    }
}
